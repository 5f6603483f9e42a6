// Lint: ESLint's and typescript-eslint's recommended rules plus the React hooks rules. Formatting is
// Prettier's job (`npm run format`); `npm run lint` checks both and `npm test` fails on any finding.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const NO_BARE_STRING = [
  {
    selector: "CallExpression[callee.object.name='z'][callee.property.name='string']",
    message: "Use string() from app/lib/schemas/atoms.ts: it refuses control characters.",
  },
  {
    selector: "MemberExpression[object.name='z'][property.name='coerce']",
    message: "Use wholeNumber() from app/lib/schemas/atoms.ts: z.coerce reads 0x10 as 16.",
  },
];
const NUMBERS_MESSAGE =
  "Write numbers through app/lib/format.ts (formatNumber, formatShare, formatCoordinate): Indonesian writes 1.234.567 and 40,1%.";
const NO_HAND_NUMBERS = [
  { selector: "CallExpression[callee.property.name='toFixed']", message: NUMBERS_MESSAGE },
  { selector: "CallExpression[callee.property.name='toLocaleString']", message: NUMBERS_MESSAGE },
  {
    selector: "NewExpression[callee.object.name='Intl'][callee.property.name='NumberFormat']",
    message: NUMBERS_MESSAGE,
  },
];
const NO_HAND_PERCENT = [
  // `${x}%` or {x}% in JSX: a percentage made by hand (a URL's %2C escape is not one).
  { selector: "TemplateElement[value.raw=/^ ?%(?![0-9A-Fa-f]{2})/]", message: NUMBERS_MESSAGE },
  { selector: "JSXExpressionContainer + JSXText[value=/^ ?%/]", message: NUMBERS_MESSAGE },
];

export default defineConfig(
  { ignores: ["build/", ".data/", "test-results/", "playwright-report/", ".cache/", "public/"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    // Layers point one way: routes and server -> utils -> models -> lib. Models reach into utils only for
    // the database handle, the writer, the error type and password hashing (values; any type is fine);
    // lib is shared with the browser and stands alone.
    files: ["app/models/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "~/utils/*",
                "!~/utils/db.server",
                "!~/utils/writer.server",
                "!~/utils/event-log.server",
                "!~/utils/password.server",
                "~/routes/*",
              ],
              message: "Models sit below utils and routes: ask the caller to pass what is needed.",
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/lib/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["~/models/*", "~/utils/*", "~/routes/*", "../models/*", "../utils/*"],
              message: "app/lib is shared with the browser and imports only app/lib.",
            },
          ],
        },
      ],
    },
  },
  {
    // Every string a client sends is read through the `string()` atom, which refuses control characters
    // (docs/decisions/028): a bare z.string() would let a NUL reach the database. Numbers, percentages and
    // coordinates a person reads are written by app/lib/format.ts only (docs/decisions/041), so "40,1%" and
    // "1.234.567" read the same on every screen and paper.
    files: ["app/**", "server/**"],
    ignores: ["app/lib/schemas/atoms.ts", "app/utils/env.server.ts", "app/lib/format.ts", "**/*.test.ts"],
    rules: { "no-restricted-syntax": ["error", ...NO_BARE_STRING, ...NO_HAND_NUMBERS, ...NO_HAND_PERCENT] },
  },
  {
    // Models write SQL LIKE patterns (`${prefix}%`), never a percentage for people.
    files: ["app/models/**"],
    ignores: ["**/*.test.ts"],
    rules: { "no-restricted-syntax": ["error", ...NO_BARE_STRING, ...NO_HAND_NUMBERS] },
  },
  {
    files: ["app/lib/format.ts"],
    rules: { "no-restricted-syntax": ["error", ...NO_BARE_STRING] },
  },
  {
    files: ["app/lib/schemas/atoms.ts", "app/utils/env.server.ts"],
    rules: { "no-restricted-syntax": ["error", ...NO_HAND_NUMBERS, ...NO_HAND_PERCENT] },
  },
  {
    // Playwright fixtures take `{}` and call `use`: neither is React's.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off", "no-empty-pattern": "off" },
  },
  {
    // The app (and so the browser bundle) never reaches into the database set-up or the seed data; what
    // both need, like the seeded random generator, lives under app/ and db/ imports it from there.
    files: ["app/**"],
    ignores: ["app/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [{ group: ["**/db/*"], message: "app/ must not import from db/; move the shared code into app/." }],
        },
      ],
    },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          caughtErrors: "none",
        },
      ],
    },
  },
);

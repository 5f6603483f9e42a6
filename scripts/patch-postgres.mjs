// postinstall: guards postgres.js 3.4.9 against a crash when PostgreSQL goes away under load (issue 6, fault
// test `npm run test:fault -- postgres`). A small write is flushed from a setImmediate; when the connection
// closes first, `nextWrite` calls `socket.write` on null and the uncaught TypeError kills the server, and the
// timer left armed would keep that connection from ever writing again. Upstream reports and the same guard:
// https://github.com/porsager/postgres/issues/1154, #1208, pull requests #1168 and #1209. Idempotent; remove
// this script once a postgres release carries the fix.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const MARK = "/* pantau: null-socket guard */";
let patched = 0;
for (const dir of ["src", "cjs/src", "cf/src"]) {
  const file = path.join(root, "node_modules/postgres", dir, "connection.js");
  if (!existsSync(file)) continue;
  let text = readFileSync(file, "utf8");
  if (text.includes(MARK)) continue;
  const guard = "  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)";
  if (!text.includes(guard) || (text.match(/clearImmediate\(nextWriteTimer\)\n/g) ?? []).length !== 3) {
    console.warn(`patch-postgres: ${file} is not the expected postgres 3.4.9 code, left unchanged`);
    continue;
  }
  text = text.replace(guard, `  function nextWrite(fn) {\n    ${MARK}\n    if (!socket) {\n      chunk = nextWriteTimer = null\n      error(Errors.connection('CONNECTION_CLOSED', options))\n      return false\n    }\n    const x = socket.write(chunk, fn)`);
  text = text.replace(/(\n\s*)clearImmediate\(nextWriteTimer\)\n(?!\s*nextWriteTimer !== null)/g, (m, indent) => `${indent}clearImmediate(nextWriteTimer)${indent}nextWriteTimer = chunk = null\n`);
  writeFileSync(file, text);
  patched++;
}
if (patched) console.log(`patch-postgres: guarded ${patched} copies of postgres/connection.js`);

import path from "node:path";
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import remixConfig from "./remix.config.js";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [remix(remixConfig)],
  resolve: { alias: { "~": path.resolve(__dirname, "app") } },
  // Pre-bundle these up front: discovering them on the first page load made Vite reload that page.
  optimizeDeps: { include: ["socket.io-client", "leaflet", "react-leaflet", "react", "react-dom"] },
  server: { port: 3000 },
  build: { target: "es2022" },
});

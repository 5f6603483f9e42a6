// Remix's own options. The Vite config imports this file and hands it to the Remix Vite plugin, so this
// stays the one place where Remix is configured.
/** @type {import('@remix-run/dev').VitePluginConfig} */
export default {
  appDirectory: "app",
  buildDirectory: "build",
  serverModuleFormat: "esm",
  // colocated tests and helper files next to routes are not routes
  ignoredRouteFiles: ["**/*.test.*", "**/.*"],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    // Off on purpose: lazy discovery fetches route manifests while navigating, which fails offline. The
    // whole (small) manifest ships with the page instead, so screens keep working without a network.
    v3_lazyRouteDiscovery: false,
    v3_singleFetch: true,
  },
};

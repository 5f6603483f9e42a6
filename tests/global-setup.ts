// Vitest: one PostgreSQL for the whole run, with a seeded template database each test file clones.
import type { TestProject } from "vitest/node";
import { createSeededDatabase, dropDatabase, startTestPostgres } from "./support/postgres";

export const TEMPLATE = `pantau_template_${process.pid}`;

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    template: string;
  }
}

export default async function setup(project: TestProject) {
  const pg = await startTestPostgres();
  await createSeededDatabase(pg.adminUrl, TEMPLATE);
  project.provide("adminUrl", pg.adminUrl);
  project.provide("template", TEMPLATE);
  return async () => {
    await dropDatabase(pg.adminUrl, TEMPLATE);
    await pg.stop();
  };
}

import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/**", "public/build/**", "app/generated/**", "data/**", "node_modules/**", ".cache/**", "test-results/**", "playwright-report/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    // routes → modules → domain (CONVENTIONS.md): the domain stays pure.
    files: ["app/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          // Relative imports stay inside app/domain: from a subfolder "../x.ts" is fine, "../../x" is not.
          { group: ["~/*", "../../*", "!../../domain/*"], message: "app/domain imports only app/domain (and zod)." },
          { group: ["@prisma/*", "~/generated/*", "@remix-run/*", "stripe", "meilisearch", "node:*", "pg"], message: "app/domain is pure: no I/O libraries." },
        ],
      }],
      "no-restricted-globals": ["error", { name: "process", message: "app/domain must not read the environment." }, { name: "fetch", message: "app/domain does no I/O." }],
      "no-restricted-syntax": ["error", { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "Pass the time in; app/domain is deterministic." }],
    },
  },
  {
    // Top-level domain files: "../" already leaves app/domain.
    files: ["app/domain/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          { group: ["~/*", "../*"], message: "app/domain imports only app/domain (and zod)." },
          { group: ["@prisma/*", "@remix-run/*", "stripe", "meilisearch", "node:*", "pg"], message: "app/domain is pure: no I/O libraries." },
        ],
      }],
    },
  },
  {
    // Routes stay thin: data access goes through modules.
    files: ["app/routes/**/*.{ts,tsx}", "app/components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "~/utils/db.server.ts", message: "Routes call modules; modules use the database." }] }],
    },
  },
);

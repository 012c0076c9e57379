// Starts Swagger UI on /api/docs (packages/functions/src/directory/docs-page.ts): a file of its own, as the CSP allows no inline script.
const docs = document.getElementById("docs");
// eslint-disable-next-line no-undef
SwaggerUIBundle({ url: docs.dataset.openapi, domNode: docs, deepLinking: true, tryItOutEnabled: false });

/**
 * /api/docs: the OpenAPI document (/api/openapi.json) as a page people read, in Swagger UI
 * (npm swagger-ui-dist), self-hosted: the site's build copies the viewer's files to /api-docs/
 * (web/vite.config.ts), so they come from our own origin like every other script and style, and
 * the page holds no inline script or style (web/public/api-docs/docs.js starts the viewer).
 */

export function docsPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Nærhed API (OpenAPI)</title>
<link rel="stylesheet" href="/api-docs/swagger-ui.css">
</head>
<body>
<main id="docs" data-openapi="/api/openapi.json"><p>Nærhed API: <a href="/api/openapi.json">openapi.json</a></p></main>
<script src="/api-docs/swagger-ui-bundle.js"></script>
<script src="/api-docs/docs.js"></script>
</body>
</html>
`;
}

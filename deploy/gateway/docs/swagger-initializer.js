// Swagger UI of the Sud IA gateway: one page, the four services' OpenAPI documents, and links to their AsyncAPI
// documents (the Kafka topics each publishes and consumes), served by the gateway at /asyncapi/<service>.
// Installed over swagger-ui's own swagger-initializer.js by deploy/local/stack.
window.onload = function () {
  var services = ["directory", "events", "funding", "labels", "impact", "notifications"];
  var nav = document.createElement("nav");
  nav.setAttribute("aria-label", "AsyncAPI documents");
  nav.id = "sudia-asyncapi";
  nav.style.fontFamily = "sans-serif";
  nav.style.padding = "10px 20px";
  nav.appendChild(document.createTextNode("Events on Kafka, AsyncAPI 3.0 documents: "));
  services.forEach(function (name, i) {
    var link = document.createElement("a");
    link.href = "/asyncapi/" + name;
    link.textContent = name;
    link.setAttribute("type", "application/yaml");
    if (i > 0) {
      nav.appendChild(document.createTextNode(", "));
    }
    nav.appendChild(link);
  });
  nav.appendChild(document.createTextNode(" (YAML; add ?format=json for JSON)"));
  document.body.insertBefore(nav, document.getElementById("swagger-ui"));
  window.ui = SwaggerUIBundle({
    urls: services.map(function (name) {
      return { url: "/openapi/" + name, name: name };
    }),
    "urls.primaryName": "directory",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout",
    // Through the gateway a service's /api/v1/... is /api/<service>/v1/...: "Try it out" requests are
    // sent there, whether the document gives its paths bare or under a /api/<service> server.
    requestInterceptor: function (req) {
      var spec = /^\/openapi\/([a-z]+)$/.exec((window.ui && window.ui.specSelectors.url()) || "");
      var url = new URL(req.url, window.location.href);
      if (spec && url.origin === window.location.origin) {
        var path = url.pathname.replace(new RegExp("^/api/" + spec[1] + "/api/v1/"), "/api/v1/");
        if (path.indexOf("/api/v1/") === 0) {
          url.pathname = "/api/" + spec[1] + path.substring(4);
          req.url = url.toString();
        }
      }
      return req;
    }
  });
};

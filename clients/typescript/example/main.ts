// A tiny front end's use of the client, run against the local stack: lists organizations, searches events,
// matches a company profile with the funding schemes, verifies a Sud IA label.
//
//   npm run build && node dist/example/main.js [gateway]      (default http://127.0.0.1:8080)
//
// Compiled with `tsc --strict`, without a non-null assertion or a cast: the generated types say what is always
// present (required) and what may be null. It fails (exit 1) when an answer is empty or not what the types say.
import { sudiaClients, type Schemas } from "../src/index.js";

type Organization = Schemas<"directory">["OrganizationHit"];
type Occurrence = Schemas<"events">["Occurrence"];
type SchemeMatch = Schemas<"funding">["SchemeMatch"];
type Verification = Schemas<"labels">["LabelVerification"];

const gateway = process.argv[2] ?? process.env.SUDIA_GATEWAY ?? "http://127.0.0.1:8080";
const api = sudiaClients(gateway);

function fail(what: string, detail: unknown): never {
  console.error(`not ok: ${what}: ${typeof detail === "string" ? detail : JSON.stringify(detail)}`);
  process.exit(1);
}

function organizationLine(o: Organization): string {
  // city and kind are always there; the department may be null.
  const label = o.label.status === "NONE" ? "" : ` [Sud IA ${o.label.status}]`;
  return `${o.name} (${o.kind}, ${o.city}${o.department === null || o.department === undefined ? "" : `, ${o.department}`})${label}`;
}

function occurrenceLine(o: Occurrence): string {
  const venue = o.event.venue;
  const where = venue === null || venue === undefined ? "online" : venue.city;
  return `${o.startsAt.slice(0, 10)} ${o.event.titleFr} (${where})${o.cancelled ? " - cancelled" : ""}`;
}

function matchLine(m: SchemeMatch): string {
  return `${m.verdict} ${m.name} (${m.provider}): ${m.passed} conditions met, ${m.failed} not, ${m.unknown} unknown`;
}

function verificationLine(v: Verification): string {
  return `${v.labelNumber}: ${v.status} since ${v.since}, held by ${v.holder.name}, valid until ${v.validUntil}`;
}

// 1. Organizations of the directory.
const organizations = await api.directory.GET("/api/directory/v1/organizations", { params: { query: { limit: 5 } } });
if (organizations.error !== undefined) fail("GET organizations", organizations.error);
if (organizations.data.items.length === 0) fail("GET organizations", "no organization");
console.log(`organizations (${organizations.data.facets.total} in all):`);
organizations.data.items.forEach((o) => console.log(`  ${organizationLine(o)}`));

// 2. Events: a search over the whole calendar.
const events = await api.events.GET("/api/events/v1/events", { params: { query: { from: "2020-01-01", limit: 5 } } });
if (events.error !== undefined) fail("GET events", events.error);
if (events.data.items.length === 0) fail("GET events", "no event");
console.log(`events (${events.data.facets.total} found):`);
events.data.items.forEach((o) => console.log(`  ${occurrenceLine(o)}`));

// 3. Funding: the schemes a small startup in the Alpes-Maritimes may claim, with the reasons.
const matches = await api.funding.POST("/api/funding/v1/eligibility/matches", {
  body: { headcount: 5, department: "06", sectors: ["HEALTH"], foundedYear: 2023 },
});
if (matches.error !== undefined) fail("POST eligibility/matches", matches.error);
if (matches.data.items.length === 0) fail("POST eligibility/matches", "no scheme matched");
console.log(`schemes matched on ${matches.data.on}:`);
matches.data.items.slice(0, 5).forEach((m) => console.log(`  ${matchLine(m)}`));

// 4. Labels: verify the first label of the public registry, or show that an unknown number is a typed 404 problem.
const registry = await api.labels.GET("/api/labels/v1/labels", { params: { query: { limit: 1 } } });
if (registry.error !== undefined) fail("GET labels", registry.error);
const first = registry.data.items[0];
const number = first === undefined ? "SUD-IA-0000-0000" : first.labelNumber;
const verification = await api.labels.GET("/api/labels/v1/labels/{number}/verification", { params: { path: { number } } });
if (verification.data !== undefined) {
  console.log(`label verified: ${verificationLine(verification.data)}`);
} else if (first === undefined && verification.response.status === 404) {
  console.log(`label ${number}: ${verification.error.status} ${verification.error.title} (no label in the registry yet)`);
} else {
  fail(`GET labels/${number}/verification`, verification.error);
}
console.log("ok");

// The Sud IA Platform's APIs, typed from their OpenAPI documents (src/generated, made by `npm run generate`) and
// called with openapi-fetch: every path, parameter, body and answer is checked by the compiler.
import createClient, { type Client, type ClientOptions } from "openapi-fetch";

import type * as directory from "./generated/directory.js";
import type * as events from "./generated/events.js";
import type * as funding from "./generated/funding.js";
import type * as impact from "./generated/impact.js";
import type * as labels from "./generated/labels.js";

export type { directory, events, funding, impact, labels };

/** The schemas of each service, by name, e.g. `Schemas<"directory">["OrganizationHit"]`. */
export type Schemas<S extends keyof Services> = Services[S]["components"]["schemas"];

interface Services {
  directory: { paths: directory.paths; components: directory.components };
  events: { paths: events.paths; components: events.components };
  funding: { paths: funding.paths; components: funding.components };
  labels: { paths: labels.paths; components: labels.components };
  impact: { paths: impact.paths; components: impact.components };
}

/** One client per service, all through the same gateway (e.g. `http://127.0.0.1:8080` locally). */
export interface SudiaClients {
  directory: Client<directory.paths>;
  events: Client<events.paths>;
  funding: Client<funding.paths>;
  labels: Client<labels.paths>;
  impact: Client<impact.paths>;
}

/**
 * The clients of the five services through the gateway at `gateway`. Pass `headers: { Authorization: "Bearer …" }`
 * in `options` for the operations that need a token; public reads need none.
 */
export function sudiaClients(gateway: string, options: Omit<ClientOptions, "baseUrl"> = {}): SudiaClients {
  const baseUrl = gateway.replace(/\/$/, "");
  return {
    directory: createClient<directory.paths>({ ...options, baseUrl }),
    events: createClient<events.paths>({ ...options, baseUrl }),
    funding: createClient<funding.paths>({ ...options, baseUrl }),
    labels: createClient<labels.paths>({ ...options, baseUrl }),
    impact: createClient<impact.paths>({ ...options, baseUrl }),
  };
}

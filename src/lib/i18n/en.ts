import type { Catalogue } from './types.js';

const limitEn: Record<string, (n: unknown) => string> = {
  minLength: (n) => `must be at least ${n} characters long`,
  maxLength: (n) => `must be at most ${n} characters long`,
  minimum: (n) => `must be at least ${n}`,
  maximum: (n) => `must be at most ${n}`,
  exclusiveMinimum: (n) => `must be more than ${n}`,
  exclusiveMaximum: (n) => `must be less than ${n}`,
  minItems: (n) => `must have at least ${n} items`,
  maxItems: (n) => `must have at most ${n} items`,
  minProperties: (n) => `must have at least ${n} fields`,
  maxProperties: (n) => `must have at most ${n} fields`,
};

/** English messages. Every key here must exist in id.ts too (the type checker enforces it). */
export const en = {
  // Reading files
  'file.notFound': { text: (p) => `file not found: ${p.path}`, hint: () => 'Check the path, or create the file (see README "File formats").' },
  'file.unreadable': { text: (p) => `cannot read ${p.path}: ${p.reason}`, hint: () => 'Check that it is a readable file, not a folder.' },
  'yaml.syntax': { text: (p) => `YAML syntax error: ${p.message}`, hint: () => 'Fix the YAML at this position (indentation uses spaces; quote values that contain ": " or "#").' },
  'yaml.duplicateKey': { text: (p) => `duplicate key "${p.key}"`, hint: () => 'Each key may appear once in a mapping: remove or rename one of them.' },
  'yaml.multipleDocuments': { text: () => 'a second YAML document ("---") is not allowed', hint: () => 'Keep one document per file.' },
  'yaml.aliases': { text: () => 'too many YAML aliases (possible alias bomb)', hint: () => 'Write values out instead of using anchors (&) and aliases (*).' },
  'yaml.tag': { text: (p) => `YAML tag ${p.tag} is not allowed`, hint: () => 'Use plain strings, numbers, booleans, lists and mappings; quote the value if it is text.' },
  'yaml.number': { text: (p) => `the number ${p.value} cannot be represented exactly`, hint: () => 'Use a finite number no larger than 2^53, or quote it to make it text.' },
  'yaml.depth': { text: (p) => `nesting deeper than ${p.limit} levels`, hint: () => 'Settings need only a few levels: flatten the structure.' },
  'yaml.notMapping': { text: () => 'the file must contain a mapping (key: value pairs) at the top level', hint: () => 'See README "File formats" for an example.' },
  // Schema validation
  'schema.required': { text: (p) => `missing required field "${p.property}"`, hint: (p) => `Add "${p.property}:" here.` },
  'schema.additional': { text: (p) => `unknown field "${p.property}"`, hint: (p) => p.suggestion ? `Did you mean "${p.suggestion}"? Otherwise remove it.` : `Remove it; allowed here: ${p.allowed}.` },
  'schema.type': { text: (p) => `must be ${p.expected}`, hint: (p) => `Write a value of type ${p.expected}${p.expected === 'string' ? ' (put it in quotes)' : ''}.` },
  'schema.format': { text: (p) => `is not a valid ${p.format}`, hint: (p) => `Write a valid ${p.format}${p.example ? `, e.g. ${p.example}` : ''}.` },
  'schema.pattern': { text: (p) => `"${p.value}" does not have the expected form`, hint: (p) => p.description ? `${p.description}` : `It must match ${p.pattern}.` },
  'schema.enum': { text: (p) => `"${p.value}" is not one of the allowed values`, hint: (p) => `Use one of: ${p.allowed}.` },
  'schema.limit': { text: (p) => limitEn[String(p.kind)]?.(p.limit) ?? `must respect ${p.kind} ${p.limit}`, hint: () => 'Adjust the value to fit the limit.' },
  'schema.uniqueItems': { text: () => 'list items must be unique', hint: () => 'Remove the repeated item.' },
  'schema.forbiddenKey': { text: (p) => `the key "${p.property}" is not allowed`, hint: () => 'Rename it: __proto__, constructor and prototype cannot be used as keys.' },
  'schema.other': { text: (p) => `${p.message}`, hint: () => 'See the schema in catalog/schemas/.' },
  'ref.opd': { text: (p) => `"${p.value}" is not an OPD defined in this region's "opd"`, hint: (p) => `Use one of: ${p.known}, or add "${p.value}" under opd.` },
  'app.unknown': { text: (p) => `"${p.id}" is not an application in the catalogue`, hint: (p) => p.suggestion ? `Did you mean "${p.suggestion}"? Run "replika list" to see all ids.` : 'Run "replika list" to see the application ids.' },
  // Region rules
  'region.kindCode': { text: (p) => `kind "${p.kind}" does not match code ${p.code}`, hint: (p) => `Code ${p.code} belongs to a ${p.expected} (RR 71 and above is a kota): set kind to "${p.expected}" or correct the code.` },
  'region.nameKind': { text: (p) => `name "${p.name}" does not match kind "${p.kind}"`, hint: (p) => `A ${p.kind}'s name begins with "${p.prefix}".` },
  'region.timeZone': { text: (p) => `time zone ${p.value} does not match province code ${p.province}`, hint: (p) => `Regions with province code ${p.province} use ${p.expected}.` },
  'region.logo': { text: (p) => `logo file not found: ${p.path}`, hint: () => 'Put the logo beside the settings file, or remove "logo" to use none.' },
  // Catalogue
  'catalog.idMismatch': { text: (p) => `id "${p.id}" does not match the file name ${p.file}`, hint: (p) => `Rename the file to ${p.id}.yaml or change the id.` },
  'catalog.duplicateApp': { text: (p) => `application id "${p.id}" is used twice`, hint: () => 'Each application needs its own id.' },
  'catalog.dimension': { text: (p) => `unknown dimension "${p.value}"`, hint: (p) => `Use one of: ${p.known}.` },
  'catalog.requires': { text: (p) => `requires "${p.value}", which is not in the catalogue`, hint: () => 'Add that application or remove it from requires.' },
  'catalog.cycle': { text: (p) => `requires form a cycle: ${p.cycle}`, hint: () => 'Remove one of the requirements.' },
  'catalog.template': { text: (p) => `template "${p.value}" does not exist in templates/`, hint: (p) => `Create templates/${p.value}/ or use an existing template.` },
  'catalog.settingsSchema': { text: (p) => `the settings schema is not valid JSON Schema: ${p.message}`, hint: () => 'Fix the schema under "settings".' },
  'catalog.example': { text: (p) => `the example settings do not validate: ${p.message}`, hint: () => 'Make "example" match the "settings" schema.' },
  'catalog.origin': { text: (p) => `origin region file not found: ${p.path}`, hint: () => 'Point "origin" at a file under regions/.' },
  // Templates and paths
  'template.render': { text: (p) => `template error: ${p.message}`, hint: () => 'Fix the template at this line (a misspelt or missing value?).' },
  'template.escape': { text: (p) => `"<%= %>" cannot escape for ${p.format} output`, hint: (p) => `Use <%- h.${p.helper}(value) %> instead.` },
  'template.include': { text: (p) => `include outside the template folder: ${p.path}`, hint: () => 'Templates may only include files of their own template folders.' },
  'path.unsafe': { text: (p) => `unsafe output path "${p.path}": ${p.reason}`, hint: () => 'Output paths must stay inside the destination; rename the template file or fix the setting.' },
  'path.collision': { text: (p) => `"${p.path}" and "${p.other}" would be the same file on some systems`, hint: () => 'Rename one of them.' },
  'path.symlink': { text: (p) => `${p.path} is a symbolic link`, hint: () => 'Replika does not write through symbolic links: remove the link or choose another destination.' },
  'destination.notDirectory': { text: (p) => `destination ${p.path} exists and is not a folder`, hint: () => 'Choose another --out.' },
  // Command line
  'usage.command': { text: (p) => `unknown command "${p.command}"`, hint: () => 'Run "replika --help" to see the commands.' },
  'usage.parse': { text: (p) => `${p.message}`, hint: (p) => `Run "replika ${p.command} --help".` },
  'usage.missing': { text: (p) => `missing ${p.names}`, hint: (p) => `${p.example}` },
  'usage.noTty': { text: (p) => `missing ${p.names}, and there is no terminal to ask for them`, hint: (p) => `Give them as flags, e.g. ${p.example}` },
  'usage.lang': { text: (p) => `unknown language "${p.value}"`, hint: () => 'Use --lang id or --lang en.' },
  'usage.dimension': { text: (p) => `unknown dimension "${p.value}"`, hint: (p) => `Use one of: ${p.known}.` },
  'write.aborted': { text: () => 'cancelled; nothing was written', hint: () => 'Run the command again when ready.' },
  'write.failed': { text: (p) => `writing failed: ${p.message}`, hint: () => 'Nothing of this copy was kept; fix the cause (disk space, permissions) and run again.' },
} satisfies Catalogue;

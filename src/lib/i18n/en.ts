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

// The copy's own records (.yo-rc.json, .replika/base.json): what a damaged field should hold, and the way back.
const expectedEn: Record<string, string> = {
  object: 'an object', text: 'a non-empty string', appId: 'an application id (lower-case letters, digits and dashes)', appIds: 'a list of application ids',
  sha256: 'a sha256 (64 hexadecimal digits)', base64: 'base64 text', path: 'a relative path inside the copy', shallow: 'at most 70 levels of nesting',
};
const foundEn: Record<string, string> = { string: 'a string', number: 'a number', boolean: 'true or false', null: 'null', list: 'a list', object: 'an object' };
const recordsHintEn = (p: Record<string, unknown>) => p.route === 'rebuilding'
  ? 'Set aside: the records are rebuilt from the region file given with --region (see below).'
  : `Restore it from Git (git restore ${p.name} undoes an uncommitted change; git log -p -- ${p.name} shows the commit that damaged it)${p.route === 'rebuild' ? ', or rebuild the records from the region file: replika update --region FILE.' : '.'}`;

/** English messages. Every key here must exist in id.ts too (the type checker enforces it). */
export const en = {
  // Reading files
  'file.notFound': { text: (p) => `file not found: ${p.path}`, hint: () => 'Check the path, or create the file (see README "File formats").' },
  'file.exists': { text: (p) => `${p.path} already exists`, hint: () => 'Choose another --out, or add --force to replace it.' },
  'file.unreadable': { text: (p) => `cannot read ${p.path}: ${p.reason}`, hint: () => 'Check that it is a readable file, not a folder.' },
  'file.unwritable': { text: (p) => `cannot write ${p.path}: ${({ ENOENT: 'its folder does not exist', EISDIR: 'it is a folder', ENOTDIR: 'a part of the path is not a folder', EACCES: 'permission denied', EPERM: 'permission denied', EROFS: 'the file system is read-only' } as Record<string, string>)[String(p.reason)] ?? p.reason}`, hint: () => 'Give --out a file name in a folder that exists and you can write to.' },
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
  'region.unknownCode': { text: (p) => `${p.code} is not the code of any of the 514 regencies and cities`, hint: () => 'Look the code up in the Kemendagri list, or create the file with "replika region new --name …".' },
  'region.officialName': { text: (p) => `"${p.name}" is not the official name for ${p.code}`, hint: (p) => `Did you mean "${p.expected}"?` },
  'region.province': { text: (p) => `province "${p.value}" does not match code ${p.code}`, hint: (p) => `Region ${p.code} is in ${p.expected}: correct the province or the code.` },
  'region.ambiguous': { text: (p) => `"${p.query}" matches ${p.count} regions: ${p.candidates}`, hint: (p) => `Choose one with --code, e.g. --code ${p.first}.` },
  'region.notFound': { text: (p) => `no regency or city is named "${p.query}"`, hint: (p) => p.suggestions ? `Did you mean ${p.suggestions}?` : 'Check the name, or give --code.' },
  'region.logo': { text: (p) => `logo file not found in the settings file's folder: ${p.path}`, hint: () => 'Put the logo in the folder of the settings file (or below it, not through a link), or remove "logo" to use none.' },
  // Catalogue
  'catalog.idMismatch': { text: (p) => `id "${p.id}" does not match the file name ${p.file}`, hint: (p) => `Rename the file to ${p.id}.yaml or change the id.` },
  'catalog.duplicateApp': { text: (p) => `application id "${p.id}" is used twice`, hint: () => 'Each application needs its own id.' },
  'catalog.dimension': { text: (p) => `unknown dimension "${p.value}"`, hint: (p) => `Use one of: ${p.known}.` },
  'catalog.requires': { text: (p) => `requires "${p.value}", which is not in the catalogue`, hint: () => 'Add that application or remove it from requires.' },
  'catalog.cycle': { text: (p) => `requires form a cycle: ${p.cycle}`, hint: () => 'Remove one of the requirements.' },
  'catalog.template': { text: (p) => `template "${p.value}" does not exist in templates/`, hint: (p) => `Create templates/${p.value}/ or use an existing template.` },
  'catalog.settingsSchema': { text: (p) => `the settings schema is not valid JSON Schema: ${p.message}`, hint: () => 'Fix the schema under "settings".' },
  'catalog.example': { text: (p) => `the example settings do not validate: ${p.message}`, hint: () => 'Make "example" match the "settings" schema.' },
  'catalog.roundTrip': { text: (p) => `${p.path} does not parse back: ${p.message}`, hint: () => 'Write the values with the helper for that format (h.json, h.yaml, h.env).' },
  'catalog.portability': { text: (p) => `${p.path}:${p.line} names the origin: ${p.text}`, hint: () => 'Take the value from the region settings; only the attribution lines may name the origin.' },
  'catalog.unusedTemplate': { text: (p) => `template ${p.name} is used by no application`, hint: () => 'Remove the folder, or point an application at it.' },
  'check.regionsDir': { text: (p) => `--regions ${p.path} cannot be read as a folder (${p.reason})`, hint: () => 'Give --regions a folder of region settings files (.yaml), or --all-regencies.' },
  'check.noRegions': { text: (p) => `--regions ${p.path} holds no region settings file (.yaml)`, hint: () => 'Write one with "replika region new", or use --all-regencies.' },
  'check.output': { text: (p) => `the report could not be written to ${p.path} (${p.reason})`, hint: () => 'Give --output a file in a folder that exists and you can write to.' },
  'check.copyTest': { text: (p) => `the copy of ${p.app} failed its own tests (${p.code}):\n      ${String(p.output).split('\n').join('\n      ')}`, hint: () => 'Run npm test in a copy made with replika new to see the whole output.' },
  'release.nothing': { text: (p) => `nothing changed since ${p.version}`, hint: () => 'Change the catalogue first, or there is nothing to release.' },
  'release.tooSmall': { text: (p) => `a ${p.bump} release is too small: the changes need a ${p.required} release (${p.reasons})`, hint: (p) => `Release with --bump ${p.required}, or take back the change.` },
  'catalog.untrusted': { text: (p) => `the catalogue at ${p.path} is not the kit's own: its templates would run code on this machine`, hint: (p) => `Check it, then pin it with --catalog-sha256 ${p.sha256} (or pass --trust).` },
  'cache.notFile': { text: (p) => `${p.path} is not a file, so it cannot hold the cache`, hint: () => 'Give --cache-location the path of a file (it is created if missing), or leave it out to use .replika-cache.json.' },
  'cache.unwritable': { text: (p) => `the cache could not be written to ${p.path} (${p.reason})`, hint: () => 'Give --cache-location a file in a folder you can write to; the catalogue itself was checked.' },
  'catalog.pinMismatch': { text: (p) => `the catalogue at ${p.path} does not match the pinned sha256 (it is ${p.sha256})`, hint: () => 'It changed since it was pinned: check what changed before trusting it.' },
  'catalog.indexDiffers': { text: (p) => `${p.what} is ${p.kind === 'changed' ? 'not what the published index says' : p.kind === 'missing' ? 'in the published index but missing here' : 'here but not in the published index'}`, hint: () => 'The catalogue changed after it was released: get it again from its publisher, or check the change and pass --trust.' },
  'catalog.indexUnreadable': { text: (p) => `the published index is not valid JSON: ${p.message}`, hint: () => 'Get the catalogue and its dist/catalog.json again from its publisher.' },
  'catalog.notFound': { text: (p) => `${p.spec} is neither a catalogue folder nor a git ref of this repository`, hint: () => 'Give a folder holding catalog.yaml, or a commit, tag or branch.' },
  'catalog.origin': { text: (p) => `origin region file not found: ${p.path}`, hint: () => 'Point "origin" at a file under regions/.' },
  // publiccode.yml values to replace before publishing (marked "CONTOH / EXAMPLE" in the file)
  'publiccode.heading': { text: (p) => `${p.path}: ${p.count} value${p.count === 1 ? '' : 's'} to replace before publishing the file.`, hint: () => 'Each is marked "CONTOH / EXAMPLE" on its line.' },
  'publiccode.repository': { text: (p) => `"${p.value}" is only a suggestion: the region settings do not say where the copy's code is published`, hint: () => 'Set sourceBaseUrl in the region settings to the address of the region\'s code repositories and generate again, or write the repository\'s address here.' },
  'publiccode.landing': { text: (p) => `"${p.value}" is only a guess at where the copy will run`, hint: () => 'Write the address of the page that presents the copy, or remove the line.' },
  'publiccode.basedOn': { text: (p) => `"${p.value}" is the original's repository as the catalogue suggests it; the origin has not published its address`, hint: () => 'Ask the origin region for the address of the original\'s repository and write it here.' },
  'publiccode.person': { text: (p) => `"${p.value}" stands in for a person: the standard asks for the full name of the technical maintainer, not an office`, hint: () => 'Write the name of the person who maintains the copy (their office goes under affiliation).' },
  'publiccode.officeContact': { text: (p) => `"${p.value}" is the office's contact, not the maintainer's own`, hint: () => 'Write the maintainer\'s own work e-mail address or phone number (phone with +62).' },
  'publiccode.illustrative': { text: (p) => `"${p.value}" comes from ${p.setting}, which the region settings list as illustrative`, hint: (p) => `Put the region's own value in ${p.setting}, take it off the "illustrative" list and generate again, or correct it here.` },
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
  'usage.unknownOption': { text: (p) => `${p.command} has no option ${p.option}`, hint: (p) => (p.suggestion ? `Did you mean ${p.suggestion}? ` : '') + `Run "replika ${p.command} --help".` },
  'usage.needsValue': { text: (p) => `${p.option} needs a value (${p.option} ${p.value})`, hint: (p) => `Give it one, or run "replika ${p.command} --help".` },
  'usage.noValue': { text: (p) => `${p.option} is a switch and takes no value`, hint: (p) => `Write ${p.option} alone, or run "replika ${p.command} --help".` },
  'usage.value': {
    text: (p) => {
      const choices = String(p.choices ?? '').split('|');
      const expected = p.kind === 'count' ? 'a whole number of at least 1' : p.kind === 'shard' ? 'K/N with 1 ≤ K ≤ N' : `${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}`;
      return `${p.flag} must be ${expected}, not "${p.value}"`;
    },
    hint: (p) => `Run "replika ${p.command} --help".`,
  },
  'usage.missing': { text: (p) => `missing ${p.names}`, hint: (p) => `${p.example}` },
  'usage.noTty': { text: (p) => `missing ${p.names}, and there is no terminal to ask for them`, hint: (p) => `Give them as flags, e.g. ${p.example}` },
  'usage.lang': { text: (p) => `unknown language "${p.value}"`, hint: () => 'Use --lang id or --lang en.' },
  'usage.dimension': { text: (p) => `unknown dimension "${p.value}"`, hint: (p) => `Use one of: ${p.known}.` },
  'command.missing': { text: (p) => `${p.command} is not installed`, hint: (p) => `Install ${p.command}, or run without the option that needs it.` },
  'command.failed': { text: (p) => `"${p.command}" failed with exit code ${p.code}${p.output ? `:\n      ${p.output}` : ''}`, hint: () => 'The copy itself was written; fix the cause and run the command in the copy by hand.' },
  'command.timeout': { text: (p) => `"${p.command}" did not finish within ${p.seconds} seconds`, hint: () => 'The copy itself was written; run the command in the copy by hand.' },
  'write.interrupted': { text: (p) => `interrupted (${p.signal}); the files being written were completed first`, hint: () => 'Run the command again to check the copy.' },
  'write.interruptedAsking': { text: () => 'interrupted while asking; nothing was written', hint: () => 'Run the command again when ready.' },
  'update.notCopy': { text: (p) => `${p.dir} is not a copy made by Replika (no generator-replika entry in .yo-rc.json)`, hint: () => 'Run the command inside a copy, or give its folder: replika update DIR.' },
  'records.notJson': { text: (p) => `${p.name} is damaged: it is not valid JSON${p.empty ? ' (it is empty)' : ''}`, hint: recordsHintEn },
  'records.conflict': { text: (p) => `${p.name} holds Git conflict markers: a merge left two versions in it`, hint: (p) => p.route === 'rebuilding' ? recordsHintEn(p) : `A record cannot be merged line by line: keep one version whole (while merging: git checkout --ours -- ${p.name}, or --theirs)${p.route === 'rebuild' ? ', or rebuild the records from the region file: replika update --region FILE.' : `, or restore it from an earlier commit (git log -p -- ${p.name}).`}` },
  'records.field': { text: (p) => `${p.name} is damaged: ${p.found === 'missing' ? `${expectedEn[String(p.expected)]} is missing here` : `expected ${expectedEn[String(p.expected)]}${foundEn[String(p.found)] ? `, found ${foundEn[String(p.found)]}` : ''}`}`, hint: recordsHintEn },
  'records.noBase': { text: (p) => p.unverified ? `${p.name} cannot be checked: the manifest's list of files is damaged` : `${p.name} is missing: it is the base an update merges from`, hint: recordsHintEn },
  'records.baseMismatch': { text: (p) => `${p.name} does not belong with .yo-rc.json: ${p.count} of ${p.total} files differ from what the manifest records (the first: ${p.path})`, hint: (p) => p.route === 'rebuilding' ? recordsHintEn(p) : 'One of the two was replaced, or merged from another copy: restore both from the same commit (git log -- .yo-rc.json .replika), or rebuild the records from the region file: replika update --region FILE.' },
  'records.unknownApp': { text: (p) => `.yo-rc.json names the application "${p.id}", which catalogue ${p.catalog} ${p.version} does not carry`, hint: () => 'If the manifest was edited, restore it from Git (git log -p -- .yo-rc.json shows when it changed); a copy made from another catalogue is updated with that one: replika update --catalog DIR.' },
  'records.appMismatch': {
    text: (p) => `.yo-rc.json names the application "${p.id}", but ${p.reason === 'services' ? `its list of the applications made together (${p.services}) does not include it` : p.reason === 'settings' ? `the settings it records are for "${p.other}"` : `${p.id} ${p.version} is made from template "${p.expected}" and the manifest records "${p.template}"`}`,
    hint: () => 'The manifest was edited, or comes from another copy: restore it from Git (git restore .yo-rc.json; git log -p -- .yo-rc.json shows when it changed). A copy does not become another application through its manifest: make that one with replika new.',
  },
  'records.settings': { text: (p) => `the settings recorded in .yo-rc.json do not fit catalogue ${p.catalog} ${p.version}, for the reasons above`, hint: () => 'If the catalogue now asks for a new setting, give it in the region file and update with that: replika update --region FILE. If the manifest was edited, restore it from Git (git log -p -- .yo-rc.json shows when it changed).' },
  'records.rebuilding': {
    text: (p) => p.kept ? 'the manifest is rebuilt from the region file; the base still matches it, so the update merges as usual' : 'the records are rebuilt from the region file, without a base to merge from: every file that differs from the catalogue\'s version is marked as a conflict, and generated files you deleted come back',
    hint: (p) => p.kept ? 'Check the report below, then run replika status.' : 'Resolve the conflicts (with --conflict rej, compare each file with its .rej), then run replika status.',
  },
  'update.version': { text: (p) => `catalogue version ${p.wanted} is not available; this kit carries ${p.available}`, hint: (p) => `Use --to ${p.available}, or install the kit that carries ${p.wanted}.` },
  'update.failed': { text: (p) => `the update could not be written: ${p.message}`, hint: () => 'The copy was restored as it was; fix the cause (disk space, permissions) and run again.' },
  'write.aborted': { text: () => 'cancelled; nothing was written', hint: () => 'Run the command again when ready.' },
  'write.failed': { text: (p) => `writing failed: ${p.message}`, hint: () => 'Nothing of this copy was kept; fix the cause (disk space, permissions) and run again.' },
  'write.abandoned': { text: (p) => `interrupted (${p.signal}); a write did not finish within ${p.seconds} seconds, so everything this run wrote was undone`, hint: () => 'Check the disk or network drive the copy is on (is it hung or full?), then run the command again.' },
  'copy.symlink': { text: (p) => `${p.path} in the copy is a symbolic link; Replika does not read or write through links`, hint: () => 'Replace the link with the real folder or file (or remove it), then run the command again.' },
  'copy.special': { text: (p) => `${p.path} in the copy is not a regular file (a named pipe, socket or device)`, hint: () => 'Replika reads and replaces only regular files: move it out of the way, then run the command again.' },
  'copy.tooLarge': { text: (p) => `${p.path} in the copy is larger than ${p.limit} MB, far more than any file Replika generates`, hint: () => 'Move the file out of the copy (Replika reads only the files it generated), then run the command again.' },
} satisfies Catalogue;

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../paths.js';

/** Yeoman's config file: a copy made by Replika records how it was made under this key. */
export const MANIFEST_FILE = '.yo-rc.json';
export const MANIFEST_KEY = 'generator-replika';
/** What the kit generated last time, kept in the copy so that updates work offline (the three-way base). */
export const BASE_FILE = '.replika/base.json';

/** The files the kit adds to every copy about itself, beside what the templates render. */
export const isKitRecord = (path: string) => path === MANIFEST_FILE || path === BASE_FILE;

export interface Manifest {
  generator: { name: string; version: string };
  catalog: { id: string; version: string };
  app: { id: string; version: string; template: string };
  region: { code: string; name: string };
  /** The apps generated in the same run (the portal lists them). */
  services: string[];
  /** The region settings used, with this app's settings only and defaults applied. */
  settings: Record<string, unknown>;
  /** sha256 of every file as generated, by path relative to the copy. */
  files: Record<string, string>;
}

export const sha256 = (contents: Buffer | string) => createHash('sha256').update(contents).digest('hex');

let kitVersion: string | undefined;
export function generatorInfo(): Manifest['generator'] {
  kitVersion ??= (JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
  return { name: MANIFEST_KEY, version: kitVersion };
}

export function manifestFile(manifest: Manifest): string {
  return `${JSON.stringify({ [MANIFEST_KEY]: manifest }, null, 2)}\n`;
}

export function baseFile(files: readonly { path: string; contents: Buffer }[]): string {
  return `${JSON.stringify({ files: Object.fromEntries(files.map((f) => [f.path, f.contents.toString('base64')])) })}\n`;
}

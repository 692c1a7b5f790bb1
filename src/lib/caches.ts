import { forgetCatalogs } from './catalog/load.js';
import { forgetTemplates } from './plan/templates.js';
import { forgetValidators } from './region/load.js';
import { forgetShapes } from './yaml/shape.js';

/**
 * Catalogues, compiled templates and validators are cached for the life of the process (a CLI run). A host that
 * lives longer while catalogue or template files change (a watch mode, a test) calls this to read them afresh.
 */
export function forgetCaches(): void {
  forgetCatalogs();
  forgetTemplates();
  forgetValidators();
  forgetShapes();
}

// Every test file runs with the event catalogue enforced at runtime: appendEvent refuses a type no
// `*.events.ts` declares, even one smuggled past the compiler with a cast.
import { requireCataloguedEvents } from '../src/platform/events/append.ts';
import { loadCatalogues } from './ownership/catalogues.ts';

await loadCatalogues();
requireCataloguedEvents();

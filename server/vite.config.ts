// Vaadin runs Vite in the module folder; the real config lives at the root beside package.json (npmFolder).
export { default } from '../vite.config';

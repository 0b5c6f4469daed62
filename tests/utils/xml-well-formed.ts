/** The strict XML 1.0 well-formedness check verification uses (server/src/exports/xml-well-formed.ts), for tests to read exports with. */
export { xmlProblems } from '../../server/src/exports/xml-well-formed';

import { countOf, groupFindings, type SignalFace } from './face';

/** The face of the flattened-tables signal (detector: ./tables.ts). */
export const tablesFace: SignalFace<'tables'> = {
  id: 'tables',
  title: 'Flattened tables',
  description: 'Tables that lost their cell borders when the page was copied, so their cells run together as glued words, or that were left in the text as raw markdown.',
  colour: 'rgba(198, 40, 40, 0.2)',
  rowNoun: ['table', 'tables'],
  evidence: (signal) => groupFindings(signal.findings),
  reason: (rows) => [countOf(tablesFace, rows.length).replace(' ', ' flattened ')],
};

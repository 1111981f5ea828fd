import { registrableDomain } from '../registrable-domain';
import { pageTextPart, type EvidenceRow, type SignalFace } from './face';

/** The face of the origin signal (detector: ./origin.ts). */
export const originFace: SignalFace<'origin'> = {
  id: 'origin',
  title: 'Origin in the page',
  description: 'What the page’s own markup says about where its article came from: a canonical address, sharing address, syndication tag or structured data that names another site as the original.',
  colour: 'rgba(0, 121, 107, 0.3)',
  rowNoun: ['claim', 'claims'],
  // Its findings are elements, not text: one row each, the element as what was seen.
  reason: (rows) => ['Its markup names ', pageTextPart(registrableDomain(rows[0]!.url) ?? rows[0]!.text), ' as the original'],
  evidence: (signal) =>
    signal.findings.map(
      (f): EvidenceRow => ({ text: f.element ?? f.rule, count: 1, weight: f.weight, rule: f.rule, detail: f.message, ...(f.url ? { url: f.url } : {}), start: f.start, end: f.end }),
    ),
};

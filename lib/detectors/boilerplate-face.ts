import { registrableDomain } from '../registrable-domain';
import { countOf, groupFindings, pageTextPart, type SignalFace } from './face';

/** The face of the syndication-boilerplate signal (detector: ./boilerplate.ts). */
export const boilerplateFace: SignalFace<'boilerplate'> = {
  id: 'boilerplate',
  title: 'Syndication boilerplate',
  description: 'Footers and leftovers that scraper plugins and autoblogs stamp on the articles they copy, such as “Source link” or “The post … appeared first on …”, with the original address they credit.',
  colour: 'rgba(117, 117, 117, 0.3)',
  rowNoun: ['line', 'lines'],
  evidence: (signal) => groupFindings(signal.findings),
  reason: (rows) => {
    const credited = registrableDomain(rows.find((r) => r.url)?.url);
    return [`${countOf(boilerplateFace, rows.length).replace(' ', ' boilerplate ')}, e.g. “`, pageTextPart(rows[0]!.text, 50), '”', ...(credited ? [', crediting ', pageTextPart(credited)] : [])];
  },
};

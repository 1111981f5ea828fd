import { groupFindings, type SignalFace } from './face';

/** The face of the syndication-boilerplate signal (detector: ./boilerplate.ts). */
export const boilerplateFace: SignalFace<'boilerplate'> = {
  id: 'boilerplate',
  title: 'Syndication boilerplate',
  description: 'Footers and leftovers that scraper plugins and autoblogs stamp on the articles they copy, such as “Source link” or “The post … appeared first on …”, with the original address they credit.',
  colour: 'rgba(117, 117, 117, 0.3)',
  rowNoun: ['line', 'lines'],
  evidence: (signal) => groupFindings(signal.findings),
};

import type { TabState } from './tab-store';

/**
 * What the popup offers for the page's site when the user disagrees with what Spinscope does
 * there: trust it (never flag it), pause (skip it), undo either, scan a skipped or trusted page once,
 * or report a verdict as wrong. Each action is a button whose `data-action` the popup acts on.
 */
export type SiteAction = 'trust' | 'untrust' | 'pause' | 'unpause' | 'scan-anyway' | 'report-wrong';

const LABELS: Record<SiteAction, { text: string; title: string }> = {
  trust: { text: 'Trust this site', title: 'Never flag this site’s pages (undo here or in the options)' },
  untrust: { text: 'Stop trusting', title: 'Read and judge this site’s pages again' },
  pause: { text: 'Pause on this site', title: 'Stop reading this site’s pages (undo here or in the options)' },
  unpause: { text: 'Stop skipping', title: 'Read this site’s pages again' },
  'scan-anyway': { text: 'Scan anyway', title: 'Read this page once, without changing the settings' },
  'report-wrong': { text: 'Report as wrong', title: 'Keep this verdict in a list on this device, to export from the options (nothing is sent)' },
};

/** The actions that make sense for a tab's state, in the order shown. */
export function siteActionsFor(state: TabState | null): SiteAction[] {
  switch (state?.status) {
    case 'scanned':
      return state.report && !state.report.notText ? ['trust', 'pause', 'report-wrong'] : ['pause'];
    case 'trusted':
      return ['untrust', 'scan-anyway'];
    case 'excluded':
      return ['unpause', 'scan-anyway'];
    default:
      return [];
  }
}

export function siteActionButtons(doc: Document, state: TabState | null): HTMLButtonElement[] {
  return siteActionsFor(state).map((action) => {
    const button = doc.createElement('button');
    button.type = 'button';
    button.dataset.action = action;
    button.dataset.testid = `action-${action}`;
    button.textContent = LABELS[action].text;
    button.title = LABELS[action].title;
    return button;
  });
}

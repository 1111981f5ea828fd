import { WEIGHT_MAX, WEIGHT_MIN } from '@/lib/settings';
import { SIGNALS } from '@/lib/signals';
import { t } from './i18n';

/**
 * The options page's row for each registered signal: its on/off switch named by its title, its
 * weight, and its description as help text (the extension's messages, whose English is the face's). Input ids (`enabled-<id>`, `weight-<id>`) are what
 * the page reads and what its error messages attach to.
 */
export function signalFields(doc: Document): HTMLElement[] {
  return SIGNALS.map((face) => {
    const enabled = doc.createElement('input');
    enabled.type = 'checkbox';
    enabled.id = `enabled-${face.id}`;
    enabled.setAttribute('aria-describedby', `about-${face.id}`);
    const title = doc.createElement('label');
    title.append(enabled, ` ${t(`signal_${face.id}_title`)}`);

    const weight = doc.createElement('input');
    Object.assign(weight, { type: 'number', id: `weight-${face.id}`, min: String(WEIGHT_MIN), max: String(WEIGHT_MAX), step: '0.1' });
    const weightLabel = doc.createElement('label');
    weightLabel.className = 'weight';
    weightLabel.append(`${t('options_weight')} `, weight);

    const about = doc.createElement('p');
    about.className = 'hint';
    about.id = `about-${face.id}`;
    about.textContent = t(`signal_${face.id}_description`);

    const controls = doc.createElement('div');
    controls.className = 'controls';
    controls.append(title, weightLabel);
    const row = doc.createElement('div');
    row.className = 'signal';
    row.dataset.signal = face.id;
    row.append(controls, about);
    return row;
  });
}

/** A global model's series picker: a labelled <select> (keyboard-operable as it is), hidden for one-series models. */
import { el } from './dom';

export class SeriesPicker {
  private readonly select = el('select', 'series-select');
  private readonly label = el('label');

  constructor(
    mount: HTMLElement,
    text: string,
    private readonly onPick: (series: string) => void,
  ) {
    this.label.append(document.createTextNode(`${text} `), this.select);
    mount.append(this.label);
    mount.hidden = true;
    this.select.addEventListener('change', () => this.onPick(this.select.value));
  }

  /** Offers `names` with `current` chosen; no series (a one-series model) hides the picker. */
  show(current: string | undefined, names: string[] | undefined): void {
    const mount = this.label.parentElement;
    if (mount) mount.hidden = current === undefined || !names || names.length < 2;
    if (!names) return;
    const same =
      this.select.options.length === names.length &&
      names.every((n, i) => this.select.options[i].value === n);
    if (!same)
      this.select.replaceChildren(
        ...names.map((n) => {
          const o = el('option', undefined, n);
          o.value = n;
          return o;
        }),
      );
    if (current !== undefined) this.select.value = current;
  }
}

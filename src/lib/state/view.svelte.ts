/** The selected framework, period, group and language; serialised to the URL by the layout. */
import { STRINGS, type StringKey } from '../i18n/strings';
import { DEFAULT_VIEW, readViewSearch, viewSearch, type ViewParams } from './view-params';

export class ViewState {
  params = $state<ViewParams>({ ...DEFAULT_VIEW });
  /** True once the URL has been read (in the browser); before that the URL must not be written. */
  hydrated = $state(false);

  readonly t = (key: StringKey): string => STRINGS[this.params.lang][key];

  loadFrom(search: string): void {
    this.params = readViewSearch(search);
    this.hydrated = true;
  }

  get search(): string {
    return viewSearch(this.params);
  }

  set(patch: Partial<ViewParams>): void {
    this.params = { ...this.params, ...patch };
  }
}

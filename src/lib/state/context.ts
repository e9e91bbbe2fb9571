/** Shares the session and the view state from the layout with every page. */
import { getContext, setContext } from 'svelte';
import type { Session } from './session.svelte';
import type { ViewState } from './view.svelte';

const SESSION = Symbol('session');
const VIEW = Symbol('view');

export function provideApp(session: Session, view: ViewState): void {
  setContext(SESSION, session);
  setContext(VIEW, view);
}

export function useSession(): Session {
  return getContext<Session>(SESSION);
}

export function useView(): ViewState {
  return getContext<ViewState>(VIEW);
}

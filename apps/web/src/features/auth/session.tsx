import { createContext, useContext, type ReactNode } from 'react';
import type { Me } from '@anxin/contracts';

const SessionContext = createContext<Me | null>(null);

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <SessionContext.Provider value={me}>{children}</SessionContext.Provider>;
}

/** The signed-in user. Only for components rendered below `RequireAuth`. */
export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession() used outside an authenticated route');
  return me;
}

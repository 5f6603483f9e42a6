// The Content-Security-Policy nonce of the current response (server/security.ts): Remix's inline scripts
// carry it. Browsers hide a nonce from script, so on the client this is undefined, which is fine.
import { createContext, useContext } from "react";

export const NonceContext = createContext<string | undefined>(undefined);
export const useNonce = () => useContext(NonceContext);

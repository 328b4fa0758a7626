/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The loyalty API, e.g. `https://loyalty.example.com`. Default `http://localhost:8787` (the reference API). */
  readonly VITE_LOYALTY_API_BASE?: string;
  /** The program's publishable key. Default the demo program's. */
  readonly VITE_LOYALTY_PUBLISHABLE_KEY?: string;
}

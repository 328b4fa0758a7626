import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { messagesFor, requestLanguage } from './messages.ts';
// The React example's styles: the same page layout.
import '../../react/src/app.css';

export async function generateMetadata(): Promise<Metadata> {
  return { title: messagesFor(await requestLanguage()).title, icons: '/favicon.svg' };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The widgets follow the document's language.
  return (
    <html lang={await requestLanguage()}>
      <body>{children}</body>
    </html>
  );
}

import { Heading1, Paragraph } from '@utrecht/component-library-react';

export function App() {
  return (
    <main>
      <Heading1>Re-integratie</Heading1>
      <Paragraph>Hallo</Paragraph>
    </main>
  );
}

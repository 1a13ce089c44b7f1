import { Button, Group } from '@mantine/core';
import { kitMessages } from './messages';
import { LANGUAGE_NAMES, LANGUAGES, useLanguage, useMessages } from './i18n';

/** English | Español: each name written in its own language, the current one pressed. */
export function LanguageSwitch() {
  const { language, setLanguage } = useLanguage();
  const t = useMessages(kitMessages);
  return (
    <Group gap={4} role="group" aria-label={t.language}>
      {LANGUAGES.map((l) => (
        <Button
          key={l}
          lang={l}
          size="compact-sm"
          variant={l === language ? 'filled' : 'subtle'}
          aria-pressed={l === language}
          onClick={() => setLanguage(l)}
        >
          {LANGUAGE_NAMES[l]}
        </Button>
      ))}
    </Group>
  );
}

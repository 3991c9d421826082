import { HeartOutlined, PhoneOutlined } from '@ant-design/icons';
import { SELFCARE_SUGGESTION_TEXT, type TSelfcareSuggestion } from '@calmdesk/shared';
import { Alert, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocalText } from './labels';

/**
 * The gentle suggestion, shown when the stress checks stay high: who one could talk to (the
 * supervisors, the mentor, a helpline), said softly, with no button that tells anyone anything.
 * @param props.suggestion from the summary or the check just taken
 */
export function SuggestionCard({ suggestion }: { suggestion: TSelfcareSuggestion }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const people = [
    ...suggestion.supervisors.map((person) => t('selfcare.suggestion.supervisor', { name: person.displayName })),
    ...(suggestion.mentor ? [t('selfcare.suggestion.mentor', { name: suggestion.mentor.displayName })] : []),
  ];
  return (
    <Alert
      type="warning"
      showIcon
      icon={<HeartOutlined />}
      data-testid="selfcare-suggestion"
      style={{ background: '#fffaf0', borderColor: '#f5dfb8' }}
      title={local(SELFCARE_SUGGESTION_TEXT.title)}
      description={
        <Flex vertical gap={8}>
          <Typography.Text>{local(SELFCARE_SUGGESTION_TEXT.body)}</Typography.Text>
          {people.length > 0 && <Typography.Text>{t('selfcare.suggestion.people', { people: people.join(t('selfcare.suggestion.separator')) })}</Typography.Text>}
          {suggestion.helplines.map((line) => (
            <Typography.Text key={line.key}>
              <PhoneOutlined /> {local(line.name)}
              {line.phone && (
                <>
                  {' '}
                  <a href={`tel:${line.phone}`}>{line.phone}</a>
                </>
              )}
              <Typography.Text type="secondary"> · {local(line.note)}</Typography.Text>
            </Typography.Text>
          ))}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {local(SELFCARE_SUGGESTION_TEXT.notDiagnosis)}
          </Typography.Text>
        </Flex>
      }
    />
  );
}

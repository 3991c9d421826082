import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { LearningHeader } from '../learning/learning-header';
import { CasesSection } from './cases-section';
import { CoursesSection } from './courses-section';
import { QuestionsSection } from './questions-section';
import './teach.css';

const SECTIONS = ['courses', 'questions', 'cases'] as const;
type TSection = (typeof SECTIONS)[number];

function isSection(value: string | null): value is TSection {
  return value !== null && (SECTIONS as readonly string[]).includes(value);
}

/**
 * 内容编辑 at /learning/authoring (trainers): courses, the question bank and the case library.
 * The section is kept in the address (?section=questions), so back from an editor returns to it.
 */
export default function AuthoringPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('section');
  const section: TSection = isSection(requested) ? requested : 'courses';

  return (
    <div data-testid="teach-authoring">
      <LearningHeader tab="authoring" />
      <Segmented<TSection>
        value={section}
        onChange={(next) => setParams(next === 'courses' ? {} : { section: next }, { replace: true })}
        options={SECTIONS.map((key) => ({ value: key, label: <span data-testid={`teach-section-${key}`}>{t(`teach.authoring.sections.${key}`)}</span> }))}
        style={{ marginBottom: 16 }}
        size="large"
      />
      {section === 'courses' && <CoursesSection />}
      {section === 'questions' && <QuestionsSection />}
      {section === 'cases' && <CasesSection />}
    </div>
  );
}

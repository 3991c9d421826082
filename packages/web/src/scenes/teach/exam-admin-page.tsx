import { Badge, Flex, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useExamAttempts } from '../../api/teach';
import { useCurrentSession } from '../../hooks/use-current-session';
import { LearningHeader } from '../learning/learning-header';
import { examAdminSections, type TExamAdminSection } from './access';
import { CertificatesSection } from './certificates-section';
import { ExamsSection } from './exams-section';
import { GradingQueueSection } from './grading-queue-section';
import './teach.css';

/**
 * 考试管理 at /learning/exam-admin: the exams (results and statistics per exam), the queue of
 * short answers to mark, and the certificates issued. Trainers see and do everything; deputies
 * and leaders read the exams and certificates; supervisors read their teams' results. The
 * section is kept in the address (?section=grading).
 */
export default function ExamAdminPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const [params, setParams] = useSearchParams();
  const sections = examAdminSections(session.roles);
  const requested = params.get('section') as TExamAdminSection | null;
  const section: TExamAdminSection = requested !== null && sections.includes(requested) ? requested : 'exams';
  // How many papers wait for marks, on the 待批改 label (the same query the queue uses).
  const queueQuery = useExamAttempts({ status: 'submitted' }, sections.includes('grading'));
  const waiting = queueQuery.data?.length ?? 0;

  return (
    <div data-testid="teach-exam-admin">
      <LearningHeader tab="exam-admin" />
      {sections.length > 1 && (
        <Segmented<TExamAdminSection>
          value={section}
          onChange={(next) => setParams(next === 'exams' ? {} : { section: next }, { replace: true })}
          options={sections.map((key) => ({
            value: key,
            label: (
              <Flex align="center" gap={6} data-testid={`teach-exam-section-${key}`}>
                {t(`teach.examAdmin.sections.${key}`)}
                {key === 'grading' && waiting > 0 && <Badge count={waiting} size="small" color="#d48806" />}
              </Flex>
            ),
          }))}
          style={{ marginBottom: 16 }}
          size="large"
        />
      )}
      {section === 'exams' && <ExamsSection />}
      {section === 'grading' && <GradingQueueSection />}
      {section === 'certificates' && <CertificatesSection />}
    </div>
  );
}

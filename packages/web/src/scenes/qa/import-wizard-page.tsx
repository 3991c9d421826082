import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Skeleton, Steps } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useQaImport, useQaPreview } from '../../api/qa';
import { useErrorMessage } from '../../hooks/use-error-message';
import { MappingStep } from './mapping-step';
import { QaHeader } from './qa-header';
import { UploadStep } from './upload-step';
import './qa.css';

/**
 * 新建导入 at /qa/imports/new: (1) choose a file, which is uploaded at once; (2) map its columns
 * (/qa/imports/new?id=…, so a reload or the list's 继续设置 comes back to this step);
 * (3) start, which opens the import's progress page.
 */
export default function ImportWizardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const [params, setParams] = useSearchParams();
  const importId = params.get('id') ?? undefined;
  const importQuery = useQaImport(importId);
  const item = importQuery.data;
  const isMapping = item?.status === 'uploaded';
  const previewQuery = useQaPreview(isMapping ? importId : undefined);

  // An import already started has nothing left to map: show its progress instead.
  useEffect(() => {
    if (item && item.status !== 'uploaded' && item.status !== 'uploading') navigate(`/qa/imports/${item.id}`, { replace: true });
  }, [item, navigate]);

  const step = importId === undefined ? 0 : 1;
  const error = importQuery.error ?? previewQuery.error;

  return (
    <div data-testid="qa-wizard">
      <QaHeader
        tab="imports"
        extra={
          <Link to="/qa/imports">
            <Button icon={<ArrowLeftOutlined />}>{t('qa.wizard.back')}</Button>
          </Link>
        }
      />
      <Card variant="borderless" title={t('qa.wizard.title')} style={{ marginBottom: 16 }}>
        <Steps
          current={step}
          items={[{ title: t('qa.wizard.steps.file') }, { title: t('qa.wizard.steps.mapping') }, { title: t('qa.wizard.steps.start') }]}
          style={{ marginBottom: 24 }}
          data-testid="qa-wizard-steps"
          data-step={step}
        />
        {step === 0 && <UploadStep onUploaded={(uploaded) => setParams({ id: uploaded.id })} />}
        {step === 1 && error && <Alert type="error" showIcon title={errorMessage(error)} description={error instanceof Error ? error.message : undefined} data-testid="qa-wizard-error" />}
        {step === 1 && !error && (!item || !previewQuery.data) && <Skeleton active paragraph={{ rows: 8 }} />}
      </Card>
      {step === 1 && item && previewQuery.data && <MappingStep item={item} preview={previewQuery.data} onBack={() => setParams({})} />}
    </div>
  );
}

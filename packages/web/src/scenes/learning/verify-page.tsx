import { CheckCircleFilled, CloseCircleFilled, QuestionCircleFilled, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { AppError } from '../../api/client';
import { useCertificateVerification, type TCertificateVerification } from '../../api/learning';
import { Brand } from '../../components/brand';
import { LanguageSwitch } from '../../components/language-switch';
import { useErrorMessage } from '../../hooks/use-error-message';
import { normaliseCertificateCode } from './certificate';
import { useLearningLabels } from './labels';
import './learning.css';

function Verdict({ result }: { result: TCertificateVerification }) {
  const { t } = useTranslation();
  const labels = useLearningLabels();
  const isValid = result.status === 'valid';
  return (
    <div className={`cd-verify__verdict cd-verify__verdict--${result.status}`} data-testid="verify-result" data-status={result.status}>
      <Flex align="center" gap={12}>
        {isValid ? <CheckCircleFilled className="cd-verify__icon" /> : <CloseCircleFilled className="cd-verify__icon" />}
        <div>
          <div className="cd-verify__status" data-testid="verify-status">
            {isValid ? t('learn.verify.valid') : t('learn.verify.revoked')}
          </div>
          <Typography.Text type="secondary">{isValid ? t('learn.verify.validNote') : t('learn.verify.revokedNote')}</Typography.Text>
        </div>
      </Flex>
      <Descriptions
        column={1}
        size="small"
        style={{ marginTop: 16 }}
        items={[
          { key: 'name', label: t('learn.verify.holder'), children: <strong data-testid="verify-name">{result.recipientName}</strong> },
          { key: 'title', label: t('learn.verify.certificate'), children: <span data-testid="verify-title">{labels.text(result.title)}</span> },
          { key: 'org', label: t('learn.verify.organisation'), children: <span data-testid="verify-organisation">{result.organisationName}</span> },
          { key: 'issued', label: t('learn.verify.issuedAt'), children: labels.date(result.issuedAt) },
          { key: 'code', label: t('learn.verify.code'), children: <Typography.Text code>{result.code}</Typography.Text> },
          ...(result.revokedAt ? [{ key: 'revoked', label: t('learn.verify.revokedAt'), children: <span className="cd-certificate__revoked">{labels.date(result.revokedAt)}</span> }] : []),
        ]}
      />
    </div>
  );
}

/**
 * The public certificate check at /verify and /verify/:code, outside the app (no sign-in):
 * type a code or open a link; shows valid or revoked, the holder, the certificate, the
 * organisation and the date; an unknown code says so plainly.
 */
export default function VerifyPage() {
  const { code: rawCode } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const code = rawCode ? (normaliseCertificateCode(rawCode) ?? undefined) : undefined;
  const isBadLink = rawCode !== undefined && code === undefined;
  const verification = useCertificateVerification(code);
  const [input, setInput] = useState(rawCode ?? '');
  const [inputError, setInputError] = useState<string | null>(null);

  const submit = () => {
    const normalised = normaliseCertificateCode(input);
    if (!normalised) {
      setInputError(t('learn.verify.badCode'));
      return;
    }
    setInputError(null);
    setInput(normalised);
    navigate(`/verify/${encodeURIComponent(normalised)}`);
  };
  const isNotFound = verification.isError && AppError.parseError(verification.error).code === 'NOT_FOUND';

  return (
    <div className="cd-verify" data-testid="verify-page">
      <header className="cd-verify__top">
        <Link to="/verify" aria-label={t('learn.verify.title')}>
          <Brand />
        </Link>
        <LanguageSwitch />
      </header>
      <main className="cd-verify__main">
        <Card className="cd-verify__card" variant="borderless">
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('learn.verify.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('learn.verify.intro')}</Typography.Paragraph>
          <Form onFinish={submit} layout="vertical">
            <Form.Item validateStatus={inputError ? 'error' : undefined} help={inputError ?? undefined} style={{ marginBottom: 16 }}>
              <Flex gap={8}>
                <Input
                  size="large"
                  value={input}
                  onChange={(event) => setInput(event.target.value)}
                  placeholder={t('learn.verify.placeholder')}
                  aria-label={t('learn.verify.codeLabel')}
                  autoComplete="off"
                  spellCheck={false}
                  style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', letterSpacing: 1 }}
                  data-testid="verify-code"
                />
                <Button size="large" type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="verify-submit">
                  {t('learn.verify.check')}
                </Button>
              </Flex>
            </Form.Item>
          </Form>
          {isBadLink && <Alert type="warning" showIcon title={t('learn.verify.badCode')} data-testid="verify-bad-code" />}
          {code && verification.isPending && <Skeleton active paragraph={{ rows: 4 }} />}
          {code && isNotFound && (
            <div className="cd-verify__verdict cd-verify__verdict--unknown" data-testid="verify-not-found">
              <Flex align="center" gap={12}>
                <QuestionCircleFilled className="cd-verify__icon" />
                <div>
                  <div className="cd-verify__status">{t('learn.verify.unknownTitle')}</div>
                  <Typography.Text type="secondary">{t('learn.verify.notFound', { code })}</Typography.Text>
                </div>
              </Flex>
            </div>
          )}
          {code && verification.isError && !isNotFound && (
            <Alert
              type="error"
              showIcon
              title={errorMessage(verification.error)}
              action={
                <Button size="small" onClick={() => void verification.refetch()}>
                  {t('learn.common.retry')}
                </Button>
              }
            />
          )}
          {verification.data && code && <Verdict result={verification.data} />}
        </Card>
        <Typography.Paragraph type="secondary" className="cd-verify__footer">
          {t('learn.verify.footer')}
        </Typography.Paragraph>
      </main>
    </div>
  );
}

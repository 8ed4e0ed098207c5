// The shared in-process SMTP server for tests. It lives in packages/mail, whose devDependencies
// hold smtp-server and mailparser (test/package.json does not); this file only re-exports it.
export {
  type FailAt,
  type ReceivedMail,
  startTestSmtp,
  type TestSmtp,
} from '../../packages/mail/test/support/smtp.js'

/** The portal's "Forgot password?" and the page its e-mailed link opens, in the patient's language. */
import { AuthLayout } from "../components/AuthLayout";
import { ForgotPassword } from "../components/ForgotPassword";
import { LinkPasswordPage } from "../components/LinkPasswordPage";
import { usePageTitle } from "../components/usePageTitle";
import { LanguageSwitch, useCopy } from "./language";

export function PortalForgotPage() {
  const t = useCopy();
  usePageTitle(t.forgotTitle);
  return (
    <AuthLayout brandSuffix="Patient portal" aside={<LanguageSwitch />}>
      <ForgotPassword who="patient" words={t} signInPath="/portal/sign-in" />
    </AuthLayout>
  );
}

export function PortalResetPage() {
  const t = useCopy();
  return (
    <LinkPasswordPage
      words={t}
      signInPath="/portal/sign-in"
      brandSuffix="Patient portal"
      aside={<LanguageSwitch />}
    />
  );
}

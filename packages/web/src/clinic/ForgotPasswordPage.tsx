import { AuthLayout } from "../components/AuthLayout";
import { ForgotPassword, forgotEnglish } from "../components/ForgotPassword";
import { LinkPasswordPage } from "../components/LinkPasswordPage";
import { usePageTitle } from "../components/usePageTitle";

/** Staff "Forgot password?" (/forgot-password). */
export function ForgotPasswordPage() {
  usePageTitle("Reset your password");
  return (
    <AuthLayout>
      <ForgotPassword who="staff" words={forgotEnglish} signInPath="/sign-in" />
    </AuthLayout>
  );
}

/** Staff reset and invitation links (/reset-password#…, /welcome#…). */
export function StaffLinkPage() {
  return <LinkPasswordPage signInPath="/sign-in" />;
}

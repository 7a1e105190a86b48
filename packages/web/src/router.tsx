/** Every screen and its address. Clinic pages share the workspace shell; portal pages their own. */
import { lazy, Suspense } from "react";
import { createBrowserRouter, Navigate } from "react-router";
import { AccountPage } from "./clinic/AccountPage";
import { AddPatientPage } from "./clinic/AddPatientPage";
import { AuditTrailPage } from "./clinic/AuditTrailPage";
import { ClinicShell } from "./clinic/ClinicShell";
import { DecisionAidPage } from "./clinic/DecisionAidPage";
import { ForgotPasswordPage, StaffLinkPage } from "./clinic/ForgotPasswordPage";
import { MessagesPage } from "./clinic/MessagesPage";
import { PatientListPage } from "./clinic/PatientListPage";
import { QuestionnairesPage } from "./clinic/plan/QuestionnairesPage";
import { SettingsPage } from "./clinic/SettingsPage";
import { SignInPage } from "./clinic/SignInPage";
import { StaffPage } from "./clinic/staff/StaffPage";
import { WorklistPage } from "./clinic/WorklistPage";
import { HomeRedirect, Permit } from "./components/Guards";
import { NotFoundPage } from "./components/NotFoundPage";
import { Loading } from "./components/QueryStates";
import { ChoicesPage } from "./portal/choices/ChoicesPage";
import { SummaryPage } from "./portal/choices/SummaryPage";
import { ValuesPage } from "./portal/choices/ValuesPage";
import { DiaryPage } from "./portal/DiaryPage";
import { IntakePage } from "./portal/intake/IntakePage";
import { IntakeResultPage } from "./portal/intake/IntakeResultPage";
import { PortalLanguage } from "./portal/language";
import { PasswordPage } from "./portal/PasswordPage";
import { PortalHomePage } from "./portal/PortalHomePage";
import { PortalLayout } from "./portal/PortalLayout";
import { PortalForgotPage, PortalResetPage } from "./portal/PortalPasswordPages";
import { PortalSignInPage } from "./portal/PortalSignInPage";
import { ProblemPage } from "./portal/ProblemPage";
import { QuestionnairePage } from "./portal/QuestionnairePage";
import { RecoveryPage } from "./portal/RecoveryPage";
import { WelcomePage } from "./portal/WelcomePage";

// Pages with charts load on demand, so the portal on a phone never downloads the chart library.
const PatientPage = lazy(() =>
  import("./clinic/patient/PatientPage").then((m) => ({ default: m.PatientPage })),
);
const OutcomesPage = lazy(() => import("./insights/OutcomesPage").then((m) => ({ default: m.OutcomesPage })));

export const router = createBrowserRouter([
  { path: "/", element: <HomeRedirect /> },
  { path: "/sign-in", element: <SignInPage /> },
  { path: "/forgot-password", element: <ForgotPasswordPage /> },
  { path: "/reset-password", element: <StaffLinkPage /> },
  { path: "/welcome", element: <StaffLinkPage /> },
  {
    element: <ClinicShell />,
    children: [
      {
        path: "/patients",
        element: (
          <Permit permission="patients:read">
            <PatientListPage />
          </Permit>
        ),
      },
      {
        path: "/patients/new",
        element: (
          <Permit permission="patients:write">
            <AddPatientPage />
          </Permit>
        ),
      },
      {
        path: "/patients/:id",
        element: (
          <Permit permission="patients:read">
            <Suspense fallback={<Loading />}>
              <PatientPage />
            </Suspense>
          </Permit>
        ),
      },
      {
        path: "/outcomes",
        element: (
          <Permit permission="outcomes:read">
            <Suspense fallback={<Loading />}>
              <OutcomesPage />
            </Suspense>
          </Permit>
        ),
      },
      {
        path: "/questionnaires",
        element: (
          <Permit permission="patients:read">
            <QuestionnairesPage />
          </Permit>
        ),
      },
      {
        path: "/worklist",
        element: (
          <Permit permission="tasks:read">
            <WorklistPage />
          </Permit>
        ),
      },
      {
        path: "/decision-aid",
        element: (
          <Permit permission="patients:read">
            <DecisionAidPage />
          </Permit>
        ),
      },
      // The task and triage queues are views of the worklist now; old links still work.
      { path: "/tasks", element: <Navigate to="/worklist?view=tasks" replace /> },
      {
        path: "/messages",
        element: (
          <Permit permission="outbox:read">
            <MessagesPage />
          </Permit>
        ),
      },
      { path: "/account", element: <AccountPage /> },
      {
        path: "/staff",
        element: (
          <Permit permission="staff:manage">
            <StaffPage />
          </Permit>
        ),
      },
      {
        path: "/audit",
        element: (
          <Permit permission="audit:read">
            <AuditTrailPage />
          </Permit>
        ),
      },
      {
        path: "/settings",
        element: (
          <Permit permission="clinic:configure">
            <SettingsPage />
          </Permit>
        ),
      },
    ],
  },
  {
    // Every portal page speaks the patient's language (English or Spanish).
    element: <PortalLanguage />,
    children: [
      { path: "/portal/sign-in", element: <PortalSignInPage /> },
      { path: "/portal/welcome", element: <WelcomePage /> },
      { path: "/portal/forgot-password", element: <PortalForgotPage /> },
      { path: "/portal/reset-password", element: <PortalResetPage /> },
      {
        element: <PortalLayout />,
        children: [
          { path: "/portal", element: <PortalHomePage /> },
          { path: "/portal/questionnaire/:followUpId", element: <QuestionnairePage /> },
          { path: "/portal/intake", element: <IntakePage /> },
          { path: "/portal/intake/result", element: <IntakeResultPage /> },
          { path: "/portal/choices", element: <ChoicesPage /> },
          { path: "/portal/choices/values", element: <ValuesPage /> },
          { path: "/portal/choices/summary", element: <SummaryPage /> },
          { path: "/portal/diary", element: <DiaryPage /> },
          { path: "/portal/problem", element: <ProblemPage /> },
          { path: "/portal/recovery", element: <RecoveryPage /> },
          { path: "/portal/password", element: <PasswordPage /> },
        ],
      },
    ],
  },
  { path: "*", element: <NotFoundPage /> },
]);

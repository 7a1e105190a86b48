/**
 * Every screen and its address. Clinic pages share the workspace shell; portal pages their own.
 *
 * Every page, and both shells, is its own chunk, fetched when a route needs it (`lazy`), so a
 * patient's phone never downloads the clinic's screens or the chart libraries for the portal's
 * sign-in or a questionnaire (issue 13's budget: 150 KB of JavaScript on the wire, checked by
 * packages/server/test/web-budget.test.ts). The router loads a route's chunks, its shell's and
 * its page's, side by side before it shows the route, and keeps the current page on screen
 * meanwhile, so moving between pages never flashes blank; on the first load the spinner stands in.
 */
import type { ComponentType } from "react";
import { createBrowserRouter, Navigate, Outlet, type RouteObject } from "react-router";
import { HomeRedirect, Permit } from "./components/Guards";
import { Loading } from "./components/QueryStates";

/** A lazily loaded page, behind a permission when it needs one beyond being signed in. */
function page(load: () => Promise<ComponentType>, permission?: string): RouteObject["lazy"] {
  return async () => {
    const Page = await load();
    return {
      element: permission ? (
        <Permit permission={permission}>
          <Page />
        </Permit>
      ) : (
        <Page />
      ),
    };
  };
}

export const router = createBrowserRouter([
  {
    // Shown until the first route's chunks have arrived.
    hydrateFallbackElement: <Loading />,
    element: <Outlet />,
    children: [
      { path: "/", element: <HomeRedirect /> },
      { path: "/sign-in", lazy: page(() => import("./clinic/SignInPage").then((m) => m.SignInPage)) },
      {
        path: "/forgot-password",
        lazy: page(() => import("./clinic/ForgotPasswordPage").then((m) => m.ForgotPasswordPage)),
      },
      {
        path: "/reset-password",
        lazy: page(() => import("./clinic/ForgotPasswordPage").then((m) => m.StaffLinkPage)),
      },
      {
        path: "/welcome",
        lazy: page(() => import("./clinic/ForgotPasswordPage").then((m) => m.StaffLinkPage)),
      },
      {
        lazy: page(() => import("./clinic/ClinicShell").then((m) => m.ClinicShell)),
        children: [
          {
            path: "/patients",
            lazy: page(
              () => import("./clinic/PatientListPage").then((m) => m.PatientListPage),
              "patients:read",
            ),
          },
          {
            path: "/patients/new",
            lazy: page(
              () => import("./clinic/AddPatientPage").then((m) => m.AddPatientPage),
              "patients:write",
            ),
          },
          {
            path: "/patients/:id",
            lazy: page(
              () => import("./clinic/patient/PatientPage").then((m) => m.PatientPage),
              "patients:read",
            ),
          },
          {
            path: "/outcomes",
            lazy: page(() => import("./insights/OutcomesPage").then((m) => m.OutcomesPage), "outcomes:read"),
          },
          {
            path: "/quality",
            lazy: page(() => import("./insights/QualityPage").then((m) => m.QualityPage), "outcomes:read"),
          },
          {
            path: "/research-export",
            lazy: page(
              () => import("./insights/ResearchExportPage").then((m) => m.ResearchExportPage),
              "research:export",
            ),
          },
          {
            path: "/questionnaires",
            lazy: page(
              () => import("./clinic/plan/QuestionnairesPage").then((m) => m.QuestionnairesPage),
              "patients:read",
            ),
          },
          {
            path: "/worklist",
            lazy: page(() => import("./clinic/WorklistPage").then((m) => m.WorklistPage), "tasks:read"),
          },
          {
            path: "/decision-aid",
            lazy: page(
              () => import("./clinic/DecisionAidPage").then((m) => m.DecisionAidPage),
              "patients:read",
            ),
          },
          // The task and triage queues are views of the worklist now; old links still work.
          { path: "/tasks", element: <Navigate to="/worklist?view=tasks" replace /> },
          {
            path: "/messages",
            lazy: page(() => import("./clinic/MessagesPage").then((m) => m.MessagesPage), "outbox:read"),
          },
          { path: "/account", lazy: page(() => import("./clinic/AccountPage").then((m) => m.AccountPage)) },
          {
            path: "/staff",
            lazy: page(() => import("./clinic/staff/StaffPage").then((m) => m.StaffPage), "staff:manage"),
          },
          {
            path: "/audit",
            lazy: page(() => import("./clinic/AuditTrailPage").then((m) => m.AuditTrailPage), "audit:read"),
          },
          {
            path: "/settings",
            lazy: page(() => import("./clinic/SettingsPage").then((m) => m.SettingsPage), "clinic:configure"),
          },
        ],
      },
      {
        // Every portal page speaks the patient's language (English or Spanish).
        lazy: page(() => import("./portal/language").then((m) => m.PortalLanguage)),
        children: [
          {
            path: "/portal/sign-in",
            lazy: page(() => import("./portal/PortalSignInPage").then((m) => m.PortalSignInPage)),
          },
          {
            path: "/portal/welcome",
            lazy: page(() => import("./portal/WelcomePage").then((m) => m.WelcomePage)),
          },
          {
            path: "/portal/forgot-password",
            lazy: page(() => import("./portal/PortalPasswordPages").then((m) => m.PortalForgotPage)),
          },
          {
            path: "/portal/reset-password",
            lazy: page(() => import("./portal/PortalPasswordPages").then((m) => m.PortalResetPage)),
          },
          {
            // A clinic's public track record (/clinics/:slug/track-record) and the list of published
            // ones (/clinics), in one route and chunk: readable without signing in.
            path: "/clinics/*",
            lazy: page(() => import("./track-record/TrackRecordFrame").then((m) => m.TrackRecordFrame)),
          },
          {
            // The education library, index and pages in one chunk: readable without signing in.
            path: "/portal/library/:topic?",
            lazy: page(() => import("./portal/library/LibraryFrame").then((m) => m.LibraryFrame)),
          },
          {
            lazy: page(() => import("./portal/PortalLayout").then((m) => m.PortalLayout)),
            children: [
              {
                path: "/portal",
                lazy: page(() => import("./portal/PortalHomePage").then((m) => m.PortalHomePage)),
              },
              {
                path: "/portal/questionnaire/:followUpId",
                lazy: page(() => import("./portal/QuestionnairePage").then((m) => m.QuestionnairePage)),
              },
              {
                path: "/portal/intake",
                lazy: page(() => import("./portal/intake/IntakePage").then((m) => m.IntakePage)),
              },
              {
                path: "/portal/intake/result",
                lazy: page(() => import("./portal/intake/IntakeResultPage").then((m) => m.IntakeResultPage)),
              },
              {
                path: "/portal/choices",
                lazy: page(() => import("./portal/choices/ChoicesPage").then((m) => m.ChoicesPage)),
              },
              {
                path: "/portal/choices/values",
                lazy: page(() => import("./portal/choices/ValuesPage").then((m) => m.ValuesPage)),
              },
              {
                path: "/portal/choices/summary",
                lazy: page(() => import("./portal/choices/SummaryPage").then((m) => m.SummaryPage)),
              },
              {
                path: "/portal/diary",
                lazy: page(() => import("./portal/DiaryPage").then((m) => m.DiaryPage)),
              },
              {
                path: "/portal/consent",
                lazy: page(() => import("./portal/ConsentPage").then((m) => m.ConsentPage)),
              },
              {
                path: "/portal/consent/:which",
                lazy: page(() => import("./portal/ConsentSignPage").then((m) => m.ConsentSignPage)),
              },
              {
                path: "/portal/problem",
                lazy: page(() => import("./portal/ProblemPage").then((m) => m.ProblemPage)),
              },
              {
                path: "/portal/recovery",
                lazy: page(() => import("./portal/RecoveryPage").then((m) => m.RecoveryPage)),
              },
              {
                path: "/portal/password",
                lazy: page(() => import("./portal/PasswordPage").then((m) => m.PasswordPage)),
              },
            ],
          },
        ],
      },
      { path: "*", lazy: page(() => import("./components/NotFoundPage").then((m) => m.NotFoundPage)) },
    ],
  },
]);

/**
 * Every string a person reads, in English and Spanish, one namespace per file
 * (shared/locales/<lang>/<namespace>.json). The client and the server load the same resources;
 * a test fails when a key is missing or empty in either language.
 */
import enErrors from './en/errors.json';
import esErrors from './es/errors.json';
import enCommon from './en/common.json';
import esCommon from './es/common.json';
import enAuth from './en/auth.json';
import esAuth from './es/auth.json';
import enDocuments from './en/documents.json';
import esDocuments from './es/documents.json';
import enWorkspace from './en/workspace.json';
import esWorkspace from './es/workspace.json';
import enMembers from './en/members.json';
import esMembers from './es/members.json';
import enInvitations from './en/invitations.json';
import esInvitations from './es/invitations.json';
import enImport from './en/import.json';
import esImport from './es/import.json';
import enComments from './en/comments.json';
import esComments from './es/comments.json';
import enApprovals from './en/approvals.json';
import esApprovals from './es/approvals.json';
import enVersions from './en/versions.json';
import esVersions from './es/versions.json';
import enProposals from './en/proposals.json';
import esProposals from './es/proposals.json';
import enPrint from './en/print.json';
import esPrint from './es/print.json';
import enNavigation from './en/navigation.json';
import esNavigation from './es/navigation.json';
import enEditing from './en/editing.json';
import esEditing from './es/editing.json';
import enNotifications from './en/notifications.json';
import esNotifications from './es/notifications.json';
import enIdentity from './en/identity.json';
import esIdentity from './es/identity.json';
import enSecondFactor from './en/second-factor.json';
import esSecondFactor from './es/second-factor.json';
import enPackages from './en/packages.json';
import esPackages from './es/packages.json';
import enSecurity from './en/security.json';
import esSecurity from './es/security.json';
import enSignature from './en/signature.json';
import esSignature from './es/signature.json';
import enNumbering from './en/numbering.json';
import esNumbering from './es/numbering.json';

export const resources = {
  en: {
    errors: enErrors,
    common: enCommon,
    auth: enAuth,
    documents: enDocuments,
    workspace: enWorkspace,
    members: enMembers,
    invitations: enInvitations,
    import: enImport,
    comments: enComments,
    approvals: enApprovals,
    versions: enVersions,
    proposals: enProposals,
    print: enPrint,
    navigation: enNavigation,
    editing: enEditing,
    notifications: enNotifications,
    identity: enIdentity,
    'second-factor': enSecondFactor,
    packages: enPackages,
    security: enSecurity,
    signature: enSignature,
    numbering: enNumbering,
  },
  es: {
    errors: esErrors,
    common: esCommon,
    auth: esAuth,
    documents: esDocuments,
    workspace: esWorkspace,
    members: esMembers,
    invitations: esInvitations,
    import: esImport,
    comments: esComments,
    approvals: esApprovals,
    versions: esVersions,
    proposals: esProposals,
    print: esPrint,
    navigation: esNavigation,
    editing: esEditing,
    notifications: esNotifications,
    identity: esIdentity,
    'second-factor': esSecondFactor,
    packages: esPackages,
    security: esSecurity,
    signature: esSignature,
    numbering: esNumbering,
  },
} as const;

export const NAMESPACES = Object.keys(resources.en) as Array<keyof typeof resources.en>;

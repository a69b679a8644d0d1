// Admin page (/admin): the entry. The page itself lives in ../admin/ (one file per panel): the
// login and shell (AdminApp), the answer values, the review queue, import and export, and the
// wine catalog.
import "../styles/admin.css";
import "../i18n/staff"; // this page's texts, before it renders
import { renderPage } from "../i18n";
import { AdminApp } from "../admin/AdminApp";

renderPage(() => <AdminApp />);

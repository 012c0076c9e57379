/** The load error is shared by every module's pages; kept here under its old name too. */
export { LoadError } from "../components/LoadError.tsx";

// DKFDS and the shared layout come first, so each component's own styles come after them.
import "./look/site.scss";
import "./base.scss";
import { render } from "solid-js/web";
import { App } from "./App.tsx";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
render(() => <App />, root);

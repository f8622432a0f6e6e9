// Placeholder: this layer file is being written.
(function (globalThis, internals, ops) {
  "use strict";
})

export const id = 847;
export const ids = [847];
export const modules = {

/***/ 847:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runWorker: () => (/* binding */ runWorker)
/* harmony export */ });
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _batch_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2767);


/** Answers each batch of paths with its BatchResult. */
function runWorker() {
    const opts = node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.workerData.opts;
    node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort?.on('message', async (batch) => {
        node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort?.postMessage(await (0,_batch_js__WEBPACK_IMPORTED_MODULE_1__/* .finishBatch */ .o)((0,_batch_js__WEBPACK_IMPORTED_MODULE_1__/* .scanBatch */ .A)(batch, opts)));
    });
}


/***/ })

};

//# sourceMappingURL=847.index.js.map
/**
 * The Office custom-functions runtime provides a global CustomFunctions; tests
 * give the same shape so that src/functions can be imported and asserted on.
 */
class CustomFunctionsErrorStub {
  constructor(
    public code: string,
    public message?: string,
  ) {}
}

(globalThis as Record<string, unknown>).CustomFunctions = {
  Error: CustomFunctionsErrorStub,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
    invalidName: "#NAME?",
    invalidReference: "#REF!",
  },
  associate: () => undefined,
};

export type CustomFunctionsErrorLike = CustomFunctionsErrorStub;
export { CustomFunctionsErrorStub };

/** Calls the server's API as a test's own tool (not as the app): GET without a body, else POST. */
export async function callApi(origin: string, path: string, body?: unknown, token?: string) {
  const response = await fetch(`${origin}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, never> };
}

/** A teacher signed up through the API with a class of their own in Phường Ba Đình. */
export async function teacherWithClass(
  origin: string,
  teacher: { username: string; displayName: string; password: string },
  className: string,
): Promise<{ token: string; classId: string }> {
  const signedUp = await callApi(origin, '/api/auth/sign-up', teacher);
  const token = signedUp.body.accessToken as unknown as string;
  const created = await callApi(
    origin,
    '/api/orgs',
    { kind: 'class', name: className, communeCode: '00004' },
    token,
  );
  return { token, classId: created.body.id as unknown as string };
}

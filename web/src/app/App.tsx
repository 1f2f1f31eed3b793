/** The app: providers around the router. */
import { RouterProvider } from 'react-router/dom';
import { Providers } from './Providers.tsx';
import { router } from './routes.tsx';

export function App() {
  return (
    <Providers>
      <RouterProvider router={router} />
    </Providers>
  );
}

import { ArticleList } from './ArticleList';

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>Duet</h1>
      </header>
      <main className="app-main">
        <ArticleList />
      </main>
    </div>
  );
}
